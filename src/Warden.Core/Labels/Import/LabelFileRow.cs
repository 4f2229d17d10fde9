using Warden.Abstractions.Labels;
using Warden.Abstractions.Validation;

namespace Warden.Core.Labels.Import;

/// <summary>One row of a label file: a label for an entity, or why the row could not be read.</summary>
public sealed record LabelFileRow(long Line, string? Entity, Label? Label, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
