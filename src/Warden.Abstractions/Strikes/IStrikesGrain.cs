namespace Warden.Abstractions.Strikes;

/// <summary>
/// A user's strikes, keyed by the user's entity key. Reaching a threshold of the policy catalog writes an
/// account-level label on the user (source <c>warden-strikes</c>), dropping below removes it.
/// </summary>
[Alias("warden.strikes.grain")]
public interface IStrikesGrain : IGrainWithStringKey
{
    /// <summary>Adds a strike for a human decision on the user's item (the policy sets its weight); one per job and item.</summary>
    [Alias("add")]
    Task<StrikeSummary> Add(string jobId, string item, string policy);

    /// <summary>Removes the strikes a job gave, e.g. because an appeal overturned it.</summary>
    [Alias("remove-for-job")]
    Task<StrikeSummary> RemoveForJob(string jobId, string because);

    [Alias("get")]
    Task<StrikeSummary> Get();
}
