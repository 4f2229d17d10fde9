namespace Warden.Silo.Hosting;

/// <summary>How a Warden silo keeps its state.</summary>
public enum HostMode
{
    /// <summary>Localhost clustering and in-memory state: nothing survives a restart.</summary>
    Development,

    /// <summary>ADO.NET clustering, grain storage and reminders on PostgreSQL.</summary>
    Cluster,
}
