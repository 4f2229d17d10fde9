namespace Warden.Silo.Api;

/// <summary>The log category of refused attempts to write Warden's reserved label sources: who tried, on what.</summary>
public sealed partial class ReservedSourceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused reserved label source {System} on {Entity} to {Actor}")]
    public static partial void Refused(ILogger logger, string actor, string system, string entity);
}
