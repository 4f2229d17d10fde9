using Npgsql;
using Warden.Abstractions.Access;
using Warden.Grains.Reviews;

namespace Warden.Silo.Api;

/// <summary><c>GET /api/v1/decisions/export</c>: the decisions log as streamed JSON Lines, as <c>warden decisions export</c> writes it.</summary>
public static class DecisionApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/decisions/export", async (string? queue, DateTimeOffset? since, bool? all, HttpContext context) =>
        {
            if (context.RequestServices.GetService<NpgsqlDataSource>() is not { } db)
            {
                return Results.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Not available",
                    detail: "The decisions log lives in PostgreSQL: export needs a cluster-mode silo.");
            }

            context.Response.ContentType = "application/x-ndjson; charset=utf-8";
            await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
            await DecisionExporter.ExportAsync(db, writer, queue, since, all ?? false, context.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(ApiScopes.QueuesAdmin);
}
