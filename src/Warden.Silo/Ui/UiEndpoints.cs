using System.Security.Claims;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Core.Scoring;
using Warden.Grains.Scoring;
using Warden.Silo.Api;
using Warden.Silo.Access;

namespace Warden.Silo.Ui;

/// <summary>JSON the pages poll (same origin, the session cookie): live queue numbers for the queue list.</summary>
public static class UiEndpoints
{
    public sealed record QueueRow(string Id, string Name, IReadOnlyList<string> Groups, int Depth, int Leased, double OldestAgeSeconds, int SlaBreached, int HandledLastHour, int OnHold);

    public static void MapWardenUi(this WebApplication app)
    {
        app.MapGet("/ui/queues.json", async (ClaimsPrincipal user, IGrainFactory grains) => Results.Ok(await QueuesForAsync(user, grains)))
            .RequireAuthorization(UiPolicies.Reviewer);
        app.MapGet("/ui/media", MediaAsync).RequireAuthorization(UiPolicies.Reviewer);
    }

    /// <summary>
    /// A stored image under review, from its stored bytes, typed by its signature (never by a name),
    /// never cached by shared caches, and with its own sandboxing CSP should it be opened on its own. Served
    /// only as part of a job the caller may see (a job of one of their queues; leads and admins see all),
    /// whose objects hold exactly that content.
    /// </summary>
    private static async Task<IResult> MediaAsync(string? job, string? entity, string? key, int? index, HttpResponse response, ClaimsPrincipal caller, IGrainFactory grains, IContentStore content)
    {
        if (string.IsNullOrEmpty(job) || string.IsNullOrEmpty(entity) || string.IsNullOrEmpty(key) || index is not >= 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "job, entity, key and a non-negative index are required.");
        }

        var details = await grains.GetGrain<IReviewJobGrain>(job).GetDetails();
        if (details.Status == JobStatus.None || !details.Objects.Any(o => o.Object.Entity == entity && o.Content?.ContentKey == key))
        {
            return Results.NotFound();
        }

        if (!await ReviewerAccess.MaySeeJobAsync(grains, caller, details))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "This image belongs to a job of a queue outside your reviewer groups.");
        }

        var bytes = await content.ImageAsync(entity, key, index.Value);
        if (bytes is null || ImageSniffer.MediaType(bytes) is not { } mediaType)
        {
            return Results.NotFound();
        }

        response.Headers.CacheControl = "private, max-age=300";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.ContentDisposition = "inline";
        return Results.Bytes(bytes, mediaType);
    }

    /// <summary>The queues <paramref name="user"/> may work, with their numbers, grouped by queue group then name.</summary>
    public static async Task<IReadOnlyList<QueueRow>> QueuesForAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var directory = grains.GetGrain<IQueueDirectoryGrain>(IQueueDirectoryGrain.DefaultKey);
        var queues = user.IsInRole(Abstractions.Access.AccountRoles.Admin)
            ? await directory.List()
            : await directory.ListFor([.. user.FindAll(BearerAuthentication.GroupClaim).Select(c => c.Value)]);
        var rows = await Task.WhenAll(queues.Select(async q =>
        {
            var metrics = await grains.GetGrain<IQueueGrain>(q.Id).GetMetrics();
            return new QueueRow(q.Id, q.Name, q.QueueGroups, metrics.Depth, metrics.Leased, Math.Round(metrics.OldestAge.TotalSeconds), metrics.SlaBreached, metrics.DecisionsLastHour, metrics.OnHold);
        }));
        return [.. rows.OrderBy(r => r.Groups.FirstOrDefault() ?? string.Empty, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }
}
