namespace Warden.Abstractions.Labels;

/// <summary>Whether a label comes from a machine (model, rule, batch job) or a person.</summary>
[GenerateSerializer, Alias("warden.labels.source-kind")]
public enum SourceKind
{
    Automated = 0,
    Human = 1,
}
