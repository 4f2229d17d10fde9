namespace Warden.Abstractions.Access;

/// <summary>What a person signed in to Warden may do.</summary>
public static class AccountRoles
{
    /// <summary>Works the queues of their groups.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>A reviewer who also configures queues and routing.</summary>
    public const string Lead = "lead";

    /// <summary>Everything, including accounts, keys, rules and banks.</summary>
    public const string Admin = "admin";

    /// <summary>Runs the cluster: the Orleans dashboard and metrics.</summary>
    public const string Operator = "operator";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Reviewer, Lead, Admin, Operator };

    /// <summary>The API scopes a role carries, so people and keys pass the same checks.</summary>
    public static IEnumerable<string> Scopes(string role) => role switch
    {
        Reviewer => [ApiScopes.Review],
        Lead => [ApiScopes.Review, ApiScopes.QueuesAdmin, ApiScopes.EnforcementRead],
        Admin => [ApiScopes.Admin],
        Operator => [ApiScopes.EnforcementRead],
        _ => [],
    };
}
