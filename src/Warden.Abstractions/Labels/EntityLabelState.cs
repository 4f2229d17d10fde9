namespace Warden.Abstractions.Labels;

/// <summary>An entity's labels as stored: the live one per source, the held ones, and its trust.</summary>
[GenerateSerializer, Alias("warden.labels.entity-state")]
public sealed class EntityLabelState
{
    /// <summary>Live labels by <see cref="LabelSource.Key"/>.</summary>
    [Id(0)] public Dictionary<string, Label> Live { get; set; } = [];

    /// <summary>Automated labels held on a trusted entity until a human decides, by source key.</summary>
    [Id(1)] public Dictionary<string, Label> Held { get; set; } = [];

    [Id(2)] public bool Trusted { get; set; }
}
