import { useTranslation } from 'react-i18next';

/** The derived and declared characteristics of an organisation, as labelled badges. */
export function OrganizationBadges({
  org,
}: {
  org: {
    sizeClass: string;
    locality: string;
    womenLed: boolean;
    womenOwned: boolean;
    youthLed: boolean;
    socialEnterprise: boolean;
  };
}) {
  const { t } = useTranslation();
  return (
    <p className="badges">
      <span className="badge">{t(`owner.sizeClass.${org.sizeClass}`)}</span>
      <span className="badge">{t(`domain.localities.${org.locality}`)}</span>
      {org.womenLed ? <span className="badge badge-ok">{t('owner.badges.womenLed')}</span> : null}
      {org.womenOwned ? <span className="badge badge-ok">{t('owner.badges.womenOwned')}</span> : null}
      {org.youthLed ? <span className="badge">{t('owner.badges.youthLed')}</span> : null}
      {org.socialEnterprise ? <span className="badge">{t('owner.badges.socialEnterprise')}</span> : null}
    </p>
  );
}
