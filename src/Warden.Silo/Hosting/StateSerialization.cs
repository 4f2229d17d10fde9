using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Warden.Silo.Hosting;

/// <summary>
/// Grain state is stored in Orleans' binary format, keyed by the contracts' <c>[Id]</c> and <c>[Alias]</c>, so
/// renaming a member or a type keeps stored state readable (the ADO.NET default, Newtonsoft JSON, keys by
/// member name and writes CLR type names). Rows an earlier version stored as JSON are still read: JSON is the
/// read fallback, and the next write stores them in the binary format.
/// </summary>
public static class StateSerialization
{
    public static void UseWardenStateSerializer(this ISiloBuilder silo, string storageName) =>
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(storageName)
            .Configure<IServiceProvider>((options, services) => options.GrainStorageSerializer = Create(services));

    public static IGrainStorageSerializer Create(IServiceProvider services) =>
        new GrainStorageSerializer(
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
            services.GetRequiredService<IGrainStorageSerializer>());
}
