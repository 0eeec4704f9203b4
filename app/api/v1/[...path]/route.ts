import { withApi } from "@/lib/api/with-api";
import { AppError } from "@/lib/errors";

// Any other /api/v1 URL: a JSON 404 in the API's error format instead of the site's HTML page.
const notFound = withApi<{ path: string[] }>(
  async () => {
    throw new AppError("NOT_FOUND", { key: "api.unknownEndpoint" });
  },
  { public: true },
);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
