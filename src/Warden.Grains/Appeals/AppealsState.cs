using Warden.Abstractions.Appeals;

namespace Warden.Grains.Appeals;

[GenerateSerializer, Alias("warden.appeals.state")]
public sealed class AppealsState
{
    [Id(0)] public List<AppealRecord> Appeals { get; set; } = [];
}
