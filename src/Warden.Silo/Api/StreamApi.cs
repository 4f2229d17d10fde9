using Warden.Abstractions.Access;
using Warden.Abstractions.Events;
using Warden.Grains.Events;

namespace Warden.Silo.Api;

/// <summary>Operators' hold on the durable streams: dead letters listed and replayed.</summary>
public static class StreamApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var deadLetters = api.MapGroup("/streams/dead-letters").RequireAuthorization(ApiScopes.Admin);
        deadLetters.MapGet("/", async (int? offset, int? limit, IGrainFactory grains) =>
        {
            var start = offset ?? 0;
            var size = limit ?? 100;
            if (start < 0 || size is < 1 or > StreamDeadLettersGrain.MaxPage)
            {
                return ApiProblems.Validation("Limit", $"offset must be 0 or more and limit between 1 and {StreamDeadLettersGrain.MaxPage}");
            }

            var letters = grains.GetGrain<IStreamDeadLettersGrain>(IStreamDeadLettersGrain.DefaultKey);
            var items = await letters.List(start, size);
            var total = await letters.Count();
            return Results.Ok(new Page<StreamDeadLetter>(items, start + items.Count < total ? start + items.Count : null));
        });
        deadLetters.MapPost("/replay", async (long[]? id, IGrainFactory grains) =>
        {
            var replayed = await grains.GetGrain<IStreamDeadLettersGrain>(IStreamDeadLettersGrain.DefaultKey).Replay([.. id ?? []]);
            return Results.Ok(new ReplayResult(replayed));
        });
    }

    /// <summary>How many dead-lettered events were handed back to their streams.</summary>
    public sealed record ReplayResult(int Replayed);
}
