/** Shapes of communications outside the record engine: the public view and the year's facts and figures. */

interface PublicRow {
  id: string;
  reference: string | null;
  kind: string;
  joint_mandates: string;
  sent_on: string | null;
  addressee_kind: string;
  addressee_country: string | null;
  addressee_name: string | null;
  public_summary: string | null;
  published_at: string | null;
}

interface ReplyRow {
  id: string;
  communication_id: string;
  received_on: string;
  summary: string | null;
  attachment_id: string | null;
}

/**
 * A published communication as anyone may see it: reference, type, date, addressee, public summary, letter and
 * replies. Never the internal summary, the body's annex, or anything linked.
 */
export function presentPublicCommunication(c: PublicRow, replies: ReplyRow[]) {
  const ref = encodeURIComponent(c.reference ?? "");
  return {
    reference: c.reference ?? "",
    kind: c.kind,
    joint: (JSON.parse(c.joint_mandates || "[]") as string[]).length > 0,
    sentOn: c.sent_on ?? "",
    addressee: { kind: c.addressee_kind, country: c.addressee_country, name: c.addressee_name },
    publicSummary: c.public_summary ?? "",
    publishedAt: c.published_at ?? "",
    letterUrl: `/api/v1/public/communications/${ref}/letter.docx`,
    replies: replies.map((r, i) => ({
      receivedOn: r.received_on,
      summary: r.summary ?? "",
      documentUrl: r.attachment_id ? `/api/v1/public/communications/${ref}/replies/${i + 1}/document` : null,
    })),
  };
}

interface StatisticsRow {
  kind: string;
  joint_mandates: string;
  addressee_kind: string;
  addressee_country: string | null;
  alleged_victims: number;
  reply_count: number;
}

/** The year's facts and figures: numbers by type and addressee, alleged victims, reply rate. */
export function presentStatistics(year: number, years: number[], rows: StatisticsRow[]) {
  const byType: Record<string, number> = { AL: 0, UA: 0, OL: 0 };
  const byAddressee = new Map<
    string,
    { code: string; kind: string; count: number; replied: number; victims: number }
  >();
  let joint = 0;
  let replied = 0;
  let victims = 0;
  for (const r of rows) {
    byType[r.kind] = (byType[r.kind] ?? 0) + 1;
    if ((JSON.parse(r.joint_mandates || "[]") as string[]).length) joint++;
    const code = r.addressee_kind === "state" && r.addressee_country ? r.addressee_country : "OTH";
    const a = byAddressee.get(code) ?? { code, kind: r.addressee_kind, count: 0, replied: 0, victims: 0 };
    a.count++;
    a.victims += Number(r.alleged_victims);
    if (Number(r.reply_count) > 0) {
      a.replied++;
      replied++;
    }
    victims += Number(r.alleged_victims);
    byAddressee.set(code, a);
  }
  const total = rows.length;
  return {
    year,
    years,
    total,
    joint,
    byType,
    byAddressee: [...byAddressee.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    states: [...byAddressee.values()].filter((a) => a.kind === "state").length,
    allegedVictims: victims,
    replied,
    replyRate: total ? Math.round((replied / total) * 1000) / 10 : null,
  };
}
