import { getConfig } from "../utils/config";

/** A number as a `tel:` link target: digits and a leading +, nothing else. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

export function PhoneLink({ phone, label }: { phone: string; label?: string }) {
  return (
    <a href={telHref(phone)} className="text-link" aria-label={label ? `${label}: ${phone}` : undefined}>
      {phone}
    </a>
  );
}

/** The province's hotline (app-config.json → template.hotline), one tap to call. */
export function HotlineNote({ lead = "Cần hỗ trợ?" }: { lead?: string }) {
  const hotline = getConfig((c) => c.hotline);
  if (!hotline) return null;
  return (
    <p className="note contact-note">
      {lead} Gọi đường dây nóng <PhoneLink phone={hotline} label="Gọi đường dây nóng" />.
    </p>
  );
}

/**
 * Who to call about a unit's work: its hotline, else its phone, and the province's hotline; for a
 * procedure any commune handles, the province's hotline alone.
 */
export function UnitContact({ unit }: { unit?: { name: string; hotline?: string; phone?: string } | null }) {
  const hotline = getConfig((c) => c.hotline);
  const unitPhone = unit ? unit.hotline || unit.phone || "" : "";
  return (
    <section className="section" aria-labelledby="contact-title">
      <h2 id="contact-title" className="section__title">
        Liên hệ, hỗ trợ
      </h2>
      <ul className="plain-list">
        {unit && unitPhone && (
          <li>
            {unit.name}: <PhoneLink phone={unitPhone} label={`Gọi ${unit.name}`} />
          </li>
        )}
        {hotline && (
          <li>
            Đường dây nóng: <PhoneLink phone={hotline} label="Gọi đường dây nóng" />
          </li>
        )}
      </ul>
    </section>
  );
}
