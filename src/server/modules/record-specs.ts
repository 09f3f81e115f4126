import { actSpec } from "./acts/acts.schemas.js";
import { attachmentSpec } from "./attachments/attachments.schemas.js";
import { caseLinkSpec, caseSpec, caseStatusChangeSpec } from "./cases/cases.schemas.js";
import {
  communicationLinkSpec,
  communicationReplySpec,
  communicationSpec,
} from "./communications/communications.schemas.js";
import { eventSpec } from "./events/events.schemas.js";
import { informationLinkSpec } from "./information-links/information-links.schemas.js";
import { involvementSpec } from "./involvements/involvements.schemas.js";
import { personSpec } from "./persons/persons.schemas.js";
import { placeSpec } from "./places/places.schemas.js";
import { pressReleaseSpec } from "./press-releases/press-releases.schemas.js";
import { recommendationFollowUpSpec, recommendationSpec } from "./recommendations/recommendations.schemas.js";
import { relationSpec } from "./relations/relations.schemas.js";
import { reportSpec } from "./reports/reports.schemas.js";
import { sourceSpec } from "./sources/sources.schemas.js";
import { meetingSpec, visitRequestEntrySpec, visitRequestSpec, visitSpec } from "./visits/visits.schemas.js";

/** Every record type of the documentation model. `generic` ones need nothing beyond the record engine's routes. */
export const recordSpecs = {
  all: [
    personSpec,
    relationSpec,
    placeSpec,
    sourceSpec,
    eventSpec,
    actSpec,
    involvementSpec,
    informationLinkSpec,
    attachmentSpec,
    caseSpec,
    caseStatusChangeSpec,
    caseLinkSpec,
    communicationSpec,
    communicationLinkSpec,
    communicationReplySpec,
    visitRequestSpec,
    visitRequestEntrySpec,
    visitSpec,
    meetingSpec,
    recommendationSpec,
    recommendationFollowUpSpec,
    reportSpec,
    pressReleaseSpec,
  ],
  generic: [relationSpec, placeSpec, sourceSpec, eventSpec, actSpec, involvementSpec, informationLinkSpec],
};
