import { createDemoRecord, type DemoContext } from "./demo-context.js";
import type { DemoPeople } from "./demo-people.js";

/**
 * Country visits in the demo: a request to the DPRK left pending for years despite reminders, a request to China,
 * a request to Japan that was accepted and led to a visit, and the five-day mission to Seoul of 17–21 July 2017.
 */
export async function createDemoVisits(ctx: DemoContext, people: DemoPeople) {
  const request = async (country: string, firstRequestedOn: string, entries: [string, string, string?][]) => {
    // The status of country visits is public information: the portal shows it.
    const r = await createDemoRecord(ctx, "visitRequests", {
      country,
      firstRequestedOn,
      confidentiality: "public",
    });
    for (const [entryKind, entryOn, status] of entries)
      await createDemoRecord(ctx, "visitRequestEntries", {
        visitRequestId: r.id,
        entryKind,
        entryOn,
        ...(status ? { status } : {}),
        note: entryKind === "reminder" ? "Note verbale to the Permanent Mission in Geneva." : null,
      });
    return r;
  };
  await request("PRK", "2016-09-01", [
    ["reminder", "2017-02-15"],
    ["reminder", "2017-09-20"],
    ["reminder", "2018-02-01"],
  ]);
  await request("CHN", "2017-03-01", [["reminder", "2017-11-15"]]);
  const japan = await request("JPN", "2017-06-01", [
    ["reminder", "2017-08-20"],
    ["status_change", "2017-09-01", "accepted"],
  ]);

  const visit = await createDemoRecord(ctx, "visits", {
    title: "Visit to Japan",
    visitKind: "country_visit",
    country: "JPN",
    visitRequestId: japan.id,
    startOn: "2018-01-15",
    endOn: "2018-01-19",
    status: "completed",
    places: ["Tokyo", "Niigata"],
    confidentiality: "public",
  });
  await createDemoRecord(ctx, "meetings", {
    visitId: visit.id,
    meetingOn: "2018-01-15",
    counterpartCategory: "government",
    counterpart: "Headquarters for the Abduction Issue",
    participants: ["Director-General"],
  });

  const seoul = await createDemoRecord(ctx, "visits", {
    title: "Mission to Seoul",
    visitKind: "mission",
    country: "KOR",
    startOn: "2017-07-17",
    endOn: "2017-07-21",
    status: "completed",
    places: ["Seoul", "Incheon"],
    confidentiality: "public",
    endStatement:
      "At the end of my five-day mission I call on all states to respect the principle of non-refoulement and on the DPRK to open its holding centres to independent monitors.",
    reportSymbol: "A/72/394",
  });
  const witnesses = people.witnesses.slice(0, 2).map((w) => w.code);
  const meetings: [string, string, string, string[]][] = [
    ["2017-07-17", "government", "Ministry of Unification", ["Vice-Minister of Unification"]],
    ["2017-07-18", "un_agency", "OHCHR Seoul office", []],
    ["2017-07-19", "victims_families", "Women returned from China after escaping", witnesses],
    ["2017-07-20", "civil_society", "NGOs documenting enforced disappearance (names withheld)", []],
    ["2017-07-21", "parliament", "Members of the National Assembly", []],
  ];
  for (const [meetingOn, counterpartCategory, counterpart, participants] of meetings)
    await createDemoRecord(ctx, "meetings", {
      visitId: seoul.id,
      meetingOn,
      counterpartCategory,
      counterpart,
      participants,
    });
}
