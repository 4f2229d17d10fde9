namespace Warden.Abstractions.Reviews;

/// <summary>
/// One object under review and its role in the job: the <c>item</c>, its <c>owner</c>, <c>board</c> or
/// <c>reporter</c>. <see cref="Entity"/> is an entity key such as <c>pin:123</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.reviews.object")]
public sealed record ReviewObject([property: Id(0)] string Role, [property: Id(1)] string Entity)
{
    /// <summary>The entity type, the key's part before the first colon.</summary>
    public string Type => Entity.Split(':', 2)[0];
}
