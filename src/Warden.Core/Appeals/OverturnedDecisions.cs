using System.Security.Cryptography;
using System.Text;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Reviews;
using Warden.Core.Reviews;

namespace Warden.Core.Appeals;

/// <summary>
/// Which decision an overturned label stands for: a Warden queue's final decision when the label came from
/// a review (<see cref="HumanLabels.System"/>, named by its queue), otherwise the label itself, logged as a
/// decision of kind <see cref="DecisionRecord.LabelKind"/> so the export carries it as a hard example.
/// </summary>
public static class OverturnedDecisions
{
    /// <summary>The queue whose final decision wrote <paramref name="label"/>, or null when no Warden queue did.</summary>
    public static string? ReviewQueueOf(Label label) =>
        label.Source.System == HumanLabels.System && label.Source.Kind == SourceKind.Human ? label.Source.Name : null;

    public static DecisionRecord LabelDecision(string entity, Label label, string appealId, DateTimeOffset at) => new()
    {
        JobId = LabelJobId(entity, label),
        Queue = label.Source.System.Length <= 64 ? label.Source.System : label.Source.System[..64],
        Kind = DecisionRecord.LabelKind,
        Reviewer = label.Source.Key,
        DecidedAt = label.CreatedAt,
        Objects = [new ReviewObject("item", entity)],
        Labels = [label.Enforcement],
        Policies = [label.Policy],
        Note = label.Evidence,
        OverturnedBy = appealId,
        OverturnedAt = at,
    };

    /// <summary>A stable id for a label's decision (one row per entity, source and label time).</summary>
    public static string LabelJobId(string entity, Label label) =>
        "label-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{entity}\n{label.Source.Key}\n{label.CreatedAt.UtcTicks}")))[..32];
}
