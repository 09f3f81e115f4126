import { z } from "zod";
import { imageTypes } from "../../../shared/press-releases.js";
import { idSchema } from "../../platform/records/record-schemas.js";

/** The upload's one parameter: the file's name as the writer had it (staff see it; the public never does). */
export const imageUploadQuery = z.strictObject({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: "The file's name; without it, the image is named by its id and type" }),
});

export const imageParams = z.strictObject({ id: idSchema, imageId: idSchema });

/** An image of a press release, as staff see it. */
export const imageSchema = z.object({
  id: z.string(),
  pressReleaseId: z.string(),
  markdown: z.string().meta({ description: "Put in a body to show it: ![alternative text](image:ID)" }),
  url: z.string().meta({ description: "Where staff read it, in any state of the release" }),
  filename: z.string(),
  mimeType: z.string().meta({ description: `As its bytes say: ${imageTypes.join(", ")}` }),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const imageListSchema = z.object({ items: z.array(imageSchema) });
