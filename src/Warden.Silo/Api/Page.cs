namespace Warden.Silo.Api;

/// <summary>One page of a list: <see cref="Next"/> is the offset of the following page, absent on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int? Next)
{
    public const int MaxLimit = 500;

    public static IResult From(IReadOnlyList<T> all, int? offset, int? limit)
    {
        var start = offset ?? 0;
        var size = limit ?? 100;
        if (start < 0 || size is < 1 or > MaxLimit)
        {
            return ApiProblems.Validation("Limit", $"offset must be 0 or more and limit between 1 and {MaxLimit}");
        }

        var items = all.Skip(start).Take(size).ToList();
        return Results.Ok(new Page<T>(items, start + items.Count < all.Count ? start + items.Count : null));
    }
}
