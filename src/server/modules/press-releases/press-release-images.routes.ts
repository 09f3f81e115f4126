import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { imageTypes, maxImageBytes } from "../../../shared/press-releases.js";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { registerRawUpload } from "../../platform/http/raw-upload.js";
import { idParams } from "../../platform/records/records.routes.js";
import { createBlobStore } from "../../platform/storage/blob-store.js";
import {
  imageListSchema,
  imageParams,
  imageSchema,
  imageUploadQuery,
} from "./press-release-images.schemas.js";
import {
  listPressReleaseImages,
  readPressReleaseImage,
  uploadPressReleaseImage,
} from "./press-release-images.usecases.js";

const tags = ["press-releases"];

/** Images of press releases: upload (raw body), list, and read for staff in any state of the release. */
export function registerPressReleaseImageRoutes(app: FastifyInstance, deps: AppDeps) {
  const blobs = createBlobStore(deps.config.dataDir);

  // Any declared type is read as bytes, and the bytes decide.
  registerRawUpload(app, maxImageBytes, (scope) =>
    scope.post(
      "/api/v1/press-releases/:id/images",
      {
        bodyLimit: maxImageBytes,
        schema: {
          tags,
          summary:
            "Add an image to a draft or a release in review (raw body, at most 5 MB; PNG, JPEG, WebP or GIF by its contents)",
          params: idParams,
          querystring: imageUploadQuery,
          response: { 201: imageSchema },
        },
      },
      async (req, reply) => {
        const image = await uploadPressReleaseImage({
          db: deps.db,
          blobs,
          actor: requireWriter(req),
          id: req.params.id,
          content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          filename: req.query.filename,
        });
        return reply.status(201).send(image);
      },
    ),
  );

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/press-releases/:id/images",
    {
      schema: {
        tags,
        summary: "The images of a press release, oldest first",
        params: idParams,
        response: { 200: imageListSchema },
      },
    },
    async (req) => ({
      items: await listPressReleaseImages({ db: deps.db, actor: requireActor(req), id: req.params.id }),
    }),
  );

  r.get(
    "/api/v1/press-releases/:id/images/:imageId",
    {
      schema: {
        tags,
        summary:
          "An image of a press release (its bytes), in any state of the release, for those who read it",
        params: imageParams,
        produces: [...imageTypes],
      },
    },
    async (req, reply) => {
      const { image, content } = await readPressReleaseImage({
        db: deps.db,
        blobs,
        actor: requireActor(req),
        id: req.params.id,
        imageId: req.params.imageId,
      });
      return reply
        .header("content-type", image.mimeType)
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(image.filename)}`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(content);
    },
  );
}
