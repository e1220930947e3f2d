import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, type CombinedError } from 'urql';
import { graphql, type ResultOf } from '../graphql';

/** The reference lists forms choose from (public, and the same for everyone). */
export const REFERENCE = graphql(`
  query Reference {
    economies {
      code
      name
    }
    sectors {
      code
      title
      divisions {
        code
        title
      }
    }
    languages {
      code
      name
    }
    expertiseTopics {
      code
      label
    }
  }
`);

export type ReferenceData = ResultOf<typeof REFERENCE>;

export interface Option {
  value: string;
  label: string;
}

export interface Reference {
  data: ReferenceData | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  economies: Option[];
  languages: Option[];
  topics: Option[];
  economyName(code: string): string;
  languageName(code: string, fallback?: string): string;
  topicLabel(code: string, fallback?: string): string;
}

/**
 * The reference lists as options in the user's language: topics from our messages (the API's
 * English labels otherwise), language names from `Intl` where the browser knows them; economy
 * names stay APEC's own.
 */
export function useReference(): Reference {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: REFERENCE, requestPolicy: 'cache-first' });
  const language = i18n.language;
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
    const economyByCode = new Map((data?.economies ?? []).map((e) => [e.code, e.name]));
    const languageByCode = new Map((data?.languages ?? []).map((l) => [l.code, l.name]));
    const topicByCode = new Map((data?.expertiseTopics ?? []).map((x) => [x.code, x.label]));
    const languageName = (code: string, fallback?: string) =>
      names?.of(code) ?? languageByCode.get(code) ?? fallback ?? code;
    const topicLabel = (code: string, fallback?: string) => {
      const key = `domain.topics.${code}`;
      return i18n.exists(key) ? t(key) : (topicByCode.get(code) ?? fallback ?? code);
    };
    const collator = new Intl.Collator(language);
    const byLabel = (a: Option, b: Option) => collator.compare(a.label, b.label);
    return {
      data,
      fetching,
      error,
      economies: (data?.economies ?? []).map((e) => ({ value: e.code, label: e.name })).sort(byLabel),
      languages: (data?.languages ?? [])
        .map((l) => ({ value: l.code, label: languageName(l.code, l.name) }))
        .sort(byLabel),
      topics: (data?.expertiseTopics ?? []).map((x) => ({
        value: x.code,
        label: topicLabel(x.code, x.label),
      })),
      economyName: (code: string) => economyByCode.get(code) ?? code,
      languageName,
      topicLabel,
    };
  }, [data, fetching, error, language, t, i18n]);
}
