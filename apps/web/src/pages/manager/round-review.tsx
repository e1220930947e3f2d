import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { downloadText } from '../../components/download';
import { ErrorNotice } from '../../components/error-notice';
import { SelectField } from '../../components/fields';
import { Loading } from '../../components/page';
import { ScoreBars, useScoreParts } from '../../components/score-bars';
import { graphql } from '../../graphql';
import { useFormat } from './format';
import { pairNames, useNameLabels, type PairNames } from './names';
import type { Round } from './round-query';

const EXPORT_ROUND = graphql(`
  query ExportMatchingRound($id: ID!) {
    exportMatchingRound(id: $id) {
      candidatesCsv
      organizationsCsv
      mentorsCsv
    }
  }
`);

const REVISE_ROUND = graphql(`
  mutation ReviseMatchingRound($id: ID!, $remove: [RoundPairInput!]!, $add: [RoundPairInput!]!) {
    reviseMatchingRound(id: $id, remove: $remove, add: $add) {
      id
      status
      summary {
        pairs
        totalScore
      }
    }
  }
`);

const PUBLISH_ROUND = graphql(`
  mutation PublishMatchingRound($id: ID!) {
    publishMatchingRound(id: $id) {
      sent
      skipped
      round {
        id
        status
        publishedAt
      }
    }
  }
`);

/** Rounds with up to this many candidate pairs load them at once (for add/swap and the CSVs). */
export const AUTO_LOAD_CANDIDATES = 20_000;
const PAGE_SIZE = 20;
const ADDABLE_LIMIT = 100;

type Pair = Round['pairs'][number];
interface PairRef {
  organizationId: string;
  mentorId: string;
}

/** A round's candidates and places, from its export. */
export interface CandidatePool {
  byOrganization: Map<string, Array<{ mentorId: string; score: number }>>;
  organizationPlaces: Map<string, number>;
  mentorPlaces: Map<string, number>;
}

const rows = (csv: string): string[][] =>
  csv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(','));

export function parsePool(data: { candidatesCsv: string; organizationsCsv: string; mentorsCsv: string }) {
  const pool: CandidatePool = {
    byOrganization: new Map(),
    organizationPlaces: new Map(),
    mentorPlaces: new Map(),
  };
  for (const [organizationId, mentorId, score] of rows(data.candidatesCsv)) {
    const list = pool.byOrganization.get(organizationId) ?? [];
    list.push({ mentorId, score: Number(score) });
    pool.byOrganization.set(organizationId, list);
  }
  for (const [organizationId, places] of rows(data.organizationsCsv))
    pool.organizationPlaces.set(organizationId, Number(places));
  for (const [mentorId, places] of rows(data.mentorsCsv)) pool.mentorPlaces.set(mentorId, Number(places));
  return pool;
}

/** Mentors who could take `organizationId` now: candidates not paired with it, with places left. */
export function mentorOptions(pool: CandidatePool, pairs: readonly PairRef[], organizationId: string) {
  const load = new Map<string, number>();
  for (const p of pairs) load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
  const taken = new Set(pairs.filter((p) => p.organizationId === organizationId).map((p) => p.mentorId));
  return (pool.byOrganization.get(organizationId) ?? [])
    .filter(
      (c) => !taken.has(c.mentorId) && (load.get(c.mentorId) ?? 0) < (pool.mentorPlaces.get(c.mentorId) ?? 0),
    )
    .sort((a, b) => b.score - a.score || (a.mentorId < b.mentorId ? -1 : 1));
}

/** Organisations with a place left and a mentor who could take them, best candidate first. */
export function addableOrganizations(pool: CandidatePool, pairs: readonly PairRef[]) {
  const count = new Map<string, number>();
  for (const p of pairs) count.set(p.organizationId, (count.get(p.organizationId) ?? 0) + 1);
  return [...pool.byOrganization.keys()]
    .filter((o) => (count.get(o) ?? 0) < (pool.organizationPlaces.get(o) ?? 0))
    .map((organizationId) => ({ organizationId, options: mentorOptions(pool, pairs, organizationId) }))
    .filter((o) => o.options.length > 0)
    .sort((a, b) => b.options[0].score - a.options[0].score);
}

/** One way to give an organisation another mentor: one with a free place, or an exchange. */
export interface SwapOption {
  mentorId: string;
  score: number;
  /** The organisation that gives up `mentorId` and takes the current mentor instead, if any. */
  exchangeWith: string | null;
  /** How the round's total score changes. */
  change: number;
}

/**
 * Other mentors for `pair`'s organisation: candidates with a free place, and candidates paired with
 * another organisation that could take this pair's mentor in exchange (the places stay as they were).
 * Best change of the total first.
 */
export function swapOptions(
  pool: CandidatePool,
  pairs: readonly (PairRef & { score: number })[],
  pair: PairRef & { score: number },
) {
  const scoreOf = (organizationId: string, mentorId: string) =>
    pool.byOrganization.get(organizationId)?.find((c) => c.mentorId === mentorId)?.score;
  const options: SwapOption[] = mentorOptions(pool, pairs, pair.organizationId).map((c) => ({
    mentorId: c.mentorId,
    score: c.score,
    exchangeWith: null,
    change: c.score - pair.score,
  }));
  const pairedWithThis = new Set(
    pairs.filter((p) => p.organizationId === pair.organizationId).map((p) => p.mentorId),
  );
  for (const other of pairs) {
    if (other.organizationId === pair.organizationId || pairedWithThis.has(other.mentorId)) continue;
    const gain = scoreOf(pair.organizationId, other.mentorId);
    const back = scoreOf(other.organizationId, pair.mentorId);
    const otherHasMentor = pairs.some(
      (p) => p.organizationId === other.organizationId && p.mentorId === pair.mentorId,
    );
    if (gain === undefined || back === undefined || otherHasMentor) continue;
    options.push({
      mentorId: other.mentorId,
      score: gain,
      exchangeWith: other.organizationId,
      change: gain + back - pair.score - other.score,
    });
  }
  return options.sort((a, b) => b.change - a.change || b.score - a.score);
}

const pairKey = (p: PairRef) => `${p.organizationId}/${p.mentorId}`;

/**
 * The pairs of a computed round with their score breakdowns and, while it is PROPOSED, the
 * review: remove a pair, swap an organisation's mentor, add a pair; then publish (with
 * confirmation). The three CSVs of the export can be downloaded once it is computed.
 */
export function RoundReview({ round, onChanged }: { round: Round; onChanged: () => void }) {
  const { t } = useTranslation();
  const scoreParts = useScoreParts();
  const format = useFormat();
  const proposed = round.status === 'PROPOSED';
  const [wantCandidates, setWantCandidates] = useState(false);
  const autoLoad = (round.summary?.candidates ?? 0) <= AUTO_LOAD_CANDIDATES;
  const [exported, refetchExport] = useQuery({
    query: EXPORT_ROUND,
    variables: { id: round.id },
    pause: !(autoLoad || wantCandidates),
  });
  const exportData = exported.data?.exportMatchingRound;
  const pool = useMemo(() => (exportData ? parsePool(exportData) : null), [exportData]);
  const [revised, revise] = useMutation(REVISE_ROUND);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [swapping, setSwapping] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const visible = round.pairs.slice(0, shown);
  // The pairs name their organisations and mentors. Names of pairs since removed stay known, for
  // the add and swap forms' candidates; only candidates no pair ever named are looked up.
  const [known, setKnown] = useState(() => pairNames(round.pairs));
  const [namedPairs, setNamedPairs] = useState(round.pairs);
  if (namedPairs !== round.pairs) {
    setNamedPairs(round.pairs);
    setKnown((now) => pairNames(round.pairs, now));
  }
  const names = useNameLabels(known);

  const change = async (remove: PairRef[], add: PairRef[], done: string) => {
    setNotice(null);
    const response = await revise({ id: round.id, remove, add });
    if (response.data) {
      setSwapping(null);
      setNotice(done);
      onChanged();
      if (exportData) refetchExport({ requestPolicy: 'network-only' });
    }
  };
  const strip = (p: Pair): PairRef => ({ organizationId: p.organizationId, mentorId: p.mentorId });

  return (
    <>
      <section aria-labelledby="round-pairs">
        <h2 id="round-pairs">{t('manager.review.title', { n: format.number(round.pairs.length) })}</h2>
        {proposed ? <p className="hint">{t('manager.review.help')}</p> : null}
        <ErrorNotice error={revised.error} />
        {notice ? (
          <p className="notice notice-ok" role="status">
            {notice}
          </p>
        ) : null}
        {round.pairs.length === 0 ? <p>{t('manager.review.none')}</p> : null}
        <ul className="cards manager-pairs">
          {visible.map((pair) => {
            const key = pairKey(pair);
            const organization = names.organization(pair.organizationId);
            const mentor = names.mentor(pair.mentorId);
            return (
              <li key={key} className={`card manager-pair${swapping === key ? ' manager-swapping' : ''}`}>
                <h3>{organization}</h3>
                <p>
                  <span>{t('manager.review.mentor', { name: mentor })}</span> ·{' '}
                  <span className="manager-pair-score">
                    {t('manager.review.score', { score: pair.score })}
                  </span>
                </p>
                {pair.breakdown.length > 0 ? (
                  <details>
                    <summary>{t('manager.review.breakdown')}</summary>
                    <ScoreBars
                      caption={t('manager.review.breakdownCaption', { organization, mentor })}
                      parts={scoreParts(pair.breakdown)}
                    />
                  </details>
                ) : null}
                {proposed ? (
                  <div className="actions">
                    {pool ? (
                      <button
                        type="button"
                        className="button-secondary"
                        aria-expanded={swapping === key}
                        aria-label={t('manager.review.swapLabel', { organization })}
                        onClick={() => setSwapping(swapping === key ? null : key)}
                      >
                        {t('manager.review.swap')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={revised.fetching}
                      aria-label={t('manager.review.removeLabel', { organization, mentor })}
                      onClick={() =>
                        void change([strip(pair)], [], t('manager.review.removed', { organization, mentor }))
                      }
                    >
                      {t('manager.review.remove')}
                    </button>
                  </div>
                ) : null}
                {proposed && pool && swapping === key ? (
                  <SwapForm
                    organization={organization}
                    known={known}
                    options={swapOptions(pool, round.pairs, pair)}
                    busy={revised.fetching}
                    onCancel={() => setSwapping(null)}
                    onSwap={(option, name) =>
                      void change(
                        option.exchangeWith
                          ? [strip(pair), { organizationId: option.exchangeWith, mentorId: option.mentorId }]
                          : [strip(pair)],
                        option.exchangeWith
                          ? [
                              { organizationId: pair.organizationId, mentorId: option.mentorId },
                              { organizationId: option.exchangeWith, mentorId: pair.mentorId },
                            ]
                          : [{ organizationId: pair.organizationId, mentorId: option.mentorId }],
                        t('manager.review.swapped', { organization, mentor: name }),
                      )
                    }
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
        {shown < round.pairs.length ? (
          <button type="button" className="button-secondary" onClick={() => setShown((n) => n + PAGE_SIZE)}>
            {t('manager.review.showMore', {
              count: Math.min(PAGE_SIZE, round.pairs.length - shown),
              n: format.number(Math.min(PAGE_SIZE, round.pairs.length - shown)),
            })}
          </button>
        ) : null}
      </section>

      {proposed ? (
        <section aria-labelledby="round-add">
          <h2 id="round-add">{t('manager.review.addTitle')}</h2>
          <ErrorNotice error={exported.error} />
          {!pool && !exported.fetching ? (
            <button type="button" className="button-secondary" onClick={() => setWantCandidates(true)}>
              {t('manager.review.loadCandidates')}
            </button>
          ) : null}
          {exported.fetching && !pool ? <Loading /> : null}
          {pool ? (
            <AddPairForm
              pool={pool}
              known={known}
              pairs={round.pairs}
              busy={revised.fetching}
              onAdd={(pair, organization, mentor) =>
                void change([], [pair], t('manager.review.added', { organization, mentor }))
              }
            />
          ) : null}
        </section>
      ) : null}

      <PublishSection round={round} onPublished={onChanged} />

      <section aria-labelledby="round-export">
        <h2 id="round-export">{t('manager.export.title')}</h2>
        <p className="hint">{t('manager.export.help')}</p>
        {exportData ? (
          <div className="actions">
            {(
              [
                ['candidates', exportData.candidatesCsv],
                ['organizations', exportData.organizationsCsv],
                ['mentors', exportData.mentorsCsv],
              ] as const
            ).map(([name, csv]) => (
              <button
                key={name}
                type="button"
                className="button-secondary"
                onClick={() => downloadText(`matching-round-${round.id}-${name}.csv`, csv)}
              >
                {t(`manager.export.${name}`)}
              </button>
            ))}
          </div>
        ) : exported.fetching ? (
          <Loading />
        ) : (
          <button type="button" className="button-secondary" onClick={() => setWantCandidates(true)}>
            {t('manager.export.prepare')}
          </button>
        )}
      </section>
    </>
  );
}

function SwapForm({
  organization,
  known,
  options,
  busy,
  onSwap,
  onCancel,
}: {
  organization: string;
  known: PairNames;
  options: SwapOption[];
  busy: boolean;
  onSwap: (option: SwapOption, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  // Exchanges are with paired organisations, whose names the pairs carry.
  const names = useNameLabels(
    known,
    options.flatMap((o) => (o.exchangeWith ? [o.exchangeWith] : [])),
    options.map((o) => o.mentorId),
  );
  const keyOf = (o: SwapOption) => `${o.mentorId}|${o.exchangeWith ?? ''}`;
  const [chosen, setChosen] = useState('');
  const option = options.find((o) => keyOf(o) === chosen) ?? options[0];
  const label = (o: SwapOption) =>
    o.exchangeWith
      ? t('manager.review.exchangeOption', {
          name: names.mentor(o.mentorId),
          score: o.score,
          organization: names.organization(o.exchangeWith),
          change: format.signed(o.change),
        })
      : t('manager.review.swapOption', {
          name: names.mentor(o.mentorId),
          score: o.score,
          change: format.signed(o.change),
        });
  if (!option) {
    return (
      <div className="notice">
        <p>{t('manager.review.noSwap')}</p>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSwap(option, names.mentor(option.mentorId));
  };
  return (
    <form className="form" onSubmit={submit}>
      <SelectField
        label={t('manager.review.newMentor', { organization })}
        help={t('manager.review.swapHelp')}
        value={keyOf(option)}
        onChange={(e) => setChosen(e.target.value)}
        options={options.map((o) => ({ value: keyOf(o), label: label(o) }))}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('manager.review.swapSubmit')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddPairForm({
  pool,
  known,
  pairs,
  busy,
  onAdd,
}: {
  pool: CandidatePool;
  known: PairNames;
  pairs: readonly PairRef[];
  busy: boolean;
  onAdd: (pair: PairRef, organization: string, mentor: string) => void;
}) {
  const { t } = useTranslation();
  const addable = useMemo(() => addableOrganizations(pool, pairs).slice(0, ADDABLE_LIMIT), [pool, pairs]);
  const [chosenOrganization, setChosenOrganization] = useState('');
  const [chosenMentor, setChosenMentor] = useState('');
  const current = addable.find((o) => o.organizationId === chosenOrganization) ?? addable[0];
  const options = current?.options ?? [];
  const mentorId = options.some((o) => o.mentorId === chosenMentor)
    ? chosenMentor
    : (options[0]?.mentorId ?? '');
  const names = useNameLabels(
    known,
    addable.map((o) => o.organizationId),
    options.map((o) => o.mentorId),
  );
  if (!current) return <p>{t('manager.review.nothingToAdd')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd(
      { organizationId: current.organizationId, mentorId },
      names.organization(current.organizationId),
      names.mentor(mentorId),
    );
  };
  return (
    <form className="form" onSubmit={submit}>
      <p className="hint">{t('manager.review.addHelp')}</p>
      <div className="form-row">
        <SelectField
          label={t('manager.review.organization')}
          value={current.organizationId}
          onChange={(e) => {
            setChosenOrganization(e.target.value);
            setChosenMentor('');
          }}
          options={addable.map((o) => ({
            value: o.organizationId,
            label: names.organization(o.organizationId),
          }))}
        />
        <SelectField
          label={t('manager.review.mentorLabel')}
          value={mentorId}
          onChange={(e) => setChosenMentor(e.target.value)}
          options={options.map((o) => ({
            value: o.mentorId,
            label: t('manager.review.option', { name: names.mentor(o.mentorId), score: o.score }),
          }))}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('manager.review.addSubmit')}
        </button>
      </div>
    </form>
  );
}

/** Publishing, after a confirmation that says what it sends; then how many requests went out. */
function PublishSection({ round, onPublished }: { round: Round; onPublished: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [confirming, setConfirming] = useState(false);
  const [result, publish] = useMutation(PUBLISH_ROUND);
  const [outcome, setOutcome] = useState<{ sent: number; skipped: number } | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const doPublish = async () => {
    setConfirming(false);
    const response = await publish({ id: round.id });
    if (response.data) {
      const { sent, skipped } = response.data.publishMatchingRound;
      setOutcome({ sent, skipped });
      onPublished();
    }
  };
  if (round.status !== 'PROPOSED' && !outcome) return null;
  return (
    <section aria-labelledby="round-publish">
      <h2 id="round-publish">{t('manager.publish.title')}</h2>
      <ErrorNotice error={result.error} />
      {outcome ? (
        <div className="notice notice-ok" role="status">
          <p>{t('manager.publish.sent', { count: outcome.sent, sent: format.number(outcome.sent) })}</p>
          {outcome.skipped > 0 ? (
            <p>
              {t('manager.publish.skipped', {
                count: outcome.skipped,
                skipped: format.number(outcome.skipped),
              })}
            </p>
          ) : null}
        </div>
      ) : confirming ? (
        <div className="card manager-confirm" role="group" aria-labelledby="publish-confirm">
          <p id="publish-confirm">
            {t('manager.publish.confirm', {
              count: round.pairs.length,
              pairs: format.number(round.pairs.length),
            })}
          </p>
          <div className="actions">
            <button
              ref={confirmRef}
              type="button"
              disabled={result.fetching}
              onClick={() => void doPublish()}
            >
              {t('manager.publish.yes')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="hint">{t('manager.publish.help')}</p>
          <button
            type="button"
            disabled={result.fetching || round.pairs.length === 0}
            onClick={() => setConfirming(true)}
          >
            {result.fetching ? t('manager.publish.publishing') : t('manager.publish.start')}
          </button>
        </>
      )}
    </section>
  );
}
