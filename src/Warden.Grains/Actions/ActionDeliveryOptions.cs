namespace Warden.Grains.Actions;

/// <summary>
/// Where decided actions are delivered (<c>Warden:Actions</c>). <see cref="Endpoints"/> maps
/// <c>type/action</c>, <c>type/*</c> or <c>*</c> to a webhook URL; the most specific key wins.
/// </summary>
public sealed class ActionDeliveryOptions
{
    public const string SectionName = "Warden:Actions";

    public Dictionary<string, string> Endpoints { get; set; } = [];

    /// <summary>Attempts before an action is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public Uri? EndpointFor(string objectType, string action)
    {
        foreach (var key in new[] { $"{objectType}/{action}", $"{objectType}/*", "*" })
        {
            if (Endpoints.TryGetValue(key, out var url))
            {
                return new Uri(url, UriKind.Absolute);
            }
        }

        return null;
    }

    /// <summary>Every problem with the settings, for start-up.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (key, url) in Endpoints)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"{SectionName}:Endpoints:{key}: '{url}' is not an absolute http(s) URL";
            }
        }

        if (MaxAttempts < 1)
        {
            yield return $"{SectionName}:MaxAttempts must be at least 1";
        }

        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            yield return $"{SectionName}: InitialBackoff must be positive and at most MaxBackoff";
        }
    }
}
