using System.Text.Json;

namespace Warden.Abstractions.Scoring;

/// <summary>
/// The key of an <see cref="IContentGrain"/>: the entity and the submission's idempotency key as a JSON pair
/// (<c>["pin:1","upload-7"]</c>), which no character of either can make ambiguous and a dashboard shows as it is.
/// </summary>
public static class ContentKey
{
    public static string Of(string entity, string idempotencyKey) => JsonSerializer.Serialize(new[] { entity, idempotencyKey });

    public static (string Entity, string IdempotencyKey) Parse(string key) =>
        JsonSerializer.Deserialize<string[]>(key) is [var entity, var idempotencyKey]
            ? (entity, idempotencyKey)
            : throw new FormatException($"'{key}' is not a content key (a JSON pair of entity and idempotency key)");

    /// <summary>The grain of one submission.</summary>
    public static IContentGrain Content(this IGrainFactory grains, string entity, string idempotencyKey) =>
        grains.GetGrain<IContentGrain>(Of(entity, idempotencyKey));
}
