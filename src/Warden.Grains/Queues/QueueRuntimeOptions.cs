namespace Warden.Grains.Queues;

/// <summary>How the queues of this cluster store their work (<c>Warden:Queues</c>).</summary>
public sealed class QueueRuntimeOptions
{
    public const string SectionName = "Warden:Queues";

    /// <summary>
    /// <see cref="LeaseDurability.Stored"/> (default): a lease is returned once it is stored, like every other
    /// acknowledged write. <see cref="LeaseDurability.WriteBehind"/>: returned at once and stored with the next
    /// group commit; a silo crash in between forgets it, so the job is offered again and the first reviewer's
    /// decision is refused as a lost lease (the job grain never takes two final decisions).
    /// </summary>
    public LeaseDurability Leases { get; set; } = LeaseDurability.Stored;

    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Leases))
        {
            yield return $"{SectionName}:Leases must be Stored or WriteBehind, not {Leases}";
        }
    }
}

public enum LeaseDurability
{
    Stored,
    WriteBehind,
}
