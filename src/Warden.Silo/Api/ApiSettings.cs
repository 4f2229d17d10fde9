namespace Warden.Silo.Api;

/// <summary>The HTTP facade's limits (<c>Warden:Api</c>).</summary>
public sealed class ApiSettings
{
    public const string SectionName = "Warden:Api";

    /// <summary>Largest request body accepted, in bytes; bigger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>The body limit of a content submission, which may carry images (JSON base64 or multipart).</summary>
    public long MaxSubmissionBytes { get; set; } = 48L << 20;

    /// <summary>Requests each API key may make per minute; beyond it, 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 60_000;

    /// <summary>How long a verified key is trusted before it is looked up again (revocation takes at most this long).</summary>
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sign-in attempts (pages and API) one client address may make a minute; each costs a password hash.</summary>
    public int SignInsPerMinute { get; set; } = 30;

    /// <summary>How long a resolved session is trusted before it is looked up again (a disable or password change takes at most this long).</summary>
    public TimeSpan SessionCacheLifetime { get; set; } = TimeSpan.FromSeconds(5);
}
