namespace Warden.Abstractions.Validation;

/// <summary>One refused field and why, e.g. <c>Policy</c>: <c>unknown policy 'spma'</c>.</summary>
[GenerateSerializer, Immutable, Alias("warden.labels.field-error")]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
