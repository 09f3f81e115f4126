/** HURIDOCS ESF term codes the demo uses, named by their English label (see huridocs-esf-micro-thesauri.json). */

/** types_of_acts: the most specific term for each kind of act the mandate documents. */
export const actTypes = {
  /** "Detention, imprisonment" */
  detention: "030102000000",
  /** "Arrest" */
  arrest: "030101000000",
  /** "Disappearance" */
  disappearance: "030103000000",
  /** "Slavery": the thesaurus has no "trafficking" term; sale into China is coded as slavery. */
  trafficking: "030106000000",
  /** "Forced marriage": women sold to a husband in China. */
  forcedMarriage: "070102000000",
  /** "Sexual violations" */
  sexualViolence: "020102000000",
  /** "Sexual assault/molestation" */
  sexualAssault: "020111030000",
  /** "Involuntary or forced labour" */
  forcedLabour: "300102010000",
  /** "Torture" */
  torture: "020111110000",
  /** "Refoulement" */
  refoulement: "380101000000",
  /** "Denial of the right to family reunion" */
  familySeparation: "330104000000",
} as const;
export type ActKind = keyof typeof actTypes;

/** types_of_perpetrators */
export const perpetratorTypes = {
  armedForces: "010103000000",
  police: "010104000000",
  prisonOfficials: "010105000000",
  intelligence: "010106000000",
  localOfficials: "010102000000",
  others: "900000000000",
  unknown: "990000000000",
} as const;

/** degrees_of_involvement */
export const degrees = {
  direct: "010100000000",
  orders: "010200000000",
  present: "010400000000",
  planned: "010500000000",
  suspected: "010600000000",
  exploitation: "020100000000",
  failedToPrevent: "050300000000",
  implementor: "040000000000",
} as const;

/** reliability */
export const reliability = { high: "010000000000", likely: "020000000000", unsure: "030000000000" } as const;

/** source_connection_to_information */
export const connections = {
  victim: "010100000000",
  witness: "010200000000",
  relative: "020101000000",
  thirdParty: "030000000000",
  ngo: "040401000000",
} as const;

/** status_as_victim */
export const victimStatus = {
  releasedOrEscaped: "020100000000",
  heldArbitrarily: "020204000000",
  missing: "010300000000",
  deported: "030200000000",
  resettledAbroad: "030402000000",
  injuredPermanent: "010203000000",
} as const;

/** types_of_detention: holding centres and labour-training camps act without charge or trial. */
export const detentionTypes = { administrative: "010000000000", stateCrimes: "060000000000" } as const;

/** whereabouts */
export const whereabouts = {
  noFamilyContact: "010102010000",
  notDisclosed: "010200000000",
  captureDenied: "020000000000",
  familyContact: "010101010000",
} as const;

/** types_of_relationships */
export const relationTypes = {
  spouse: "010101000000",
  sibling: "010102000000",
  parent: "010103000000",
  child: "010104000000",
  otherRelative: "010105000000",
  neighbour: "010302000000",
  memberOf: "110100000000",
} as const;

/** violation_status */
export const violationStatus = {
  confirmed: "010100000000",
  likely: "040000000000",
  possible: "030000000000",
} as const;

/** sex */
export const sexes = { male: "010000000000", female: "020000000000" } as const;

/** counting_units */
export const countingUnits = { family: "020000000000", group: "030000000000" } as const;

/** types_of_source_material */
export const sourceMaterials = {
  victim: "220903200901",
  witness: "230920140501",
  ngoAppeal: "011616050101",
  press: "140523191601",
  letter: "120520200501",
  photograph: "160815201501",
  telephone: "200512051601",
} as const;
