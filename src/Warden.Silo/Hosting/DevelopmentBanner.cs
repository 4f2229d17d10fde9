
namespace Warden.Silo.Hosting;

/// <summary>Says, loudly, that a development silo keeps nothing.</summary>
internal static class DevelopmentBanner
{
    public static void Print(ILogger logger, HostSettings settings)
    {
        const string rule = "==========================================================================";
        logger.LogWarning(
            "\n{Rule}\n  WARDEN DEVELOPMENT MODE: in-memory grain state, reminders and streams.\n" +
            "  NOTHING IS DURABLE: every label, job and decision is lost when this process stops.\n" +
            "  For a durable cluster on PostgreSQL run deploy/local/cluster.sh up.\n" +
            "  HTTP http://{Address}:{HttpPort}  (dashboard /dashboard, health /healthz /readyz)\n" +
            "  Orleans silo {SiloPort}, gateway {GatewayPort}\n{Rule}",
            rule, settings.HttpAddress, settings.HttpPort, settings.SiloPort, settings.GatewayPort, rule);
    }
}
