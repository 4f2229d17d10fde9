using System.Security.Claims;
using Warden.Abstractions.Queues;
using Warden.Silo.Api;

namespace Warden.Silo.Ui;

/// <summary>JSON the pages poll (same origin, the session cookie): live queue numbers for the queue list.</summary>
public static class UiEndpoints
{
    public sealed record QueueRow(string Id, string Name, IReadOnlyList<string> Groups, int Depth, int Leased, double OldestAgeSeconds, int SlaBreached, int HandledLastHour);

    public static void MapWardenUi(this WebApplication app)
    {
        app.MapGet("/ui/queues.json", async (ClaimsPrincipal user, IGrainFactory grains) => Results.Ok(await QueuesForAsync(user, grains)))
            .RequireAuthorization(UiPolicies.Reviewer);
    }

    /// <summary>The queues <paramref name="user"/> may work, with their numbers, grouped by queue group then name.</summary>
    public static async Task<IReadOnlyList<QueueRow>> QueuesForAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var directory = grains.GetGrain<IQueueDirectoryGrain>("default");
        var queues = user.IsInRole(Abstractions.Access.AccountRoles.Admin)
            ? await directory.List()
            : await directory.ListFor([.. user.FindAll(ApiKeyAuthentication.GroupClaim).Select(c => c.Value)]);
        var rows = await Task.WhenAll(queues.Select(async q =>
        {
            var metrics = await grains.GetGrain<IQueueGrain>(q.Id).GetMetrics();
            return new QueueRow(q.Id, q.Name, q.QueueGroups, metrics.Depth, metrics.Leased, Math.Round(metrics.OldestAge.TotalSeconds), metrics.SlaBreached, metrics.DecisionsLastHour);
        }));
        return [.. rows.OrderBy(r => r.Groups.FirstOrDefault() ?? string.Empty, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }
}
