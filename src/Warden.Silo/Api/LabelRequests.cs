using Warden.Abstractions.Labels;

namespace Warden.Silo.Api;

/// <summary>A label for one entity in a batch write.</summary>
public sealed record EntityLabelRequest(string Entity, Label Label);

public sealed record LabelBatchRequest(IReadOnlyList<EntityLabelRequest> Items);

public sealed record EnforcementBatchRequest(string Surface, IReadOnlyList<string> Entities, bool Explain = false);
