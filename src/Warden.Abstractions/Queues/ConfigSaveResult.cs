using Warden.Abstractions.Validation;

namespace Warden.Abstractions.Queues;

/// <summary>The version a config was saved as, or every reason it was refused.</summary>
[GenerateSerializer, Immutable, Alias("warden.queues.config-save-result")]
public sealed record ConfigSaveResult([property: Id(0)] int? Version, [property: Id(1)] List<FieldError> Errors);
