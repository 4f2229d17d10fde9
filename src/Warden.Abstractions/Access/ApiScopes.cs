namespace Warden.Abstractions.Access;

/// <summary>What an API key may do. <see cref="Admin"/> includes every other scope.</summary>
public static class ApiScopes
{
    public const string Submit = "submit";
    public const string LabelsWrite = "labels:write";
    public const string EnforcementRead = "enforcement:read";
    public const string Review = "review";
    public const string QueuesAdmin = "queues:admin";
    public const string Admin = "admin";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Submit, LabelsWrite, EnforcementRead, Review, QueuesAdmin, Admin };
}
