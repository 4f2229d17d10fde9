using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using Warden.Abstractions.Runtime;
using Warden.Silo.Hosting;
using Warden.Grains;
using Warden.Grains.Runtime;

namespace Warden.Integration.Tests.Storage;

/// <summary>
/// Every grain state Warden persists must load in a process other than the one that wrote it, as it does
/// after any restart. Found by reflection, so a new state type is covered the day it is added.
/// </summary>
public sealed class PersistedStateTests
{
    private static readonly JsonSerializerOptions Comparable = new() { IncludeFields = true, ReferenceHandler = ReferenceHandler.IgnoreCycles, WriteIndented = true };

    public static TheoryData<string> StateTypes() => [.. PersistedStateTypes.In(typeof(WardenGrainServices).Assembly).Select(t => t.FullName!)];

    [Fact]
    public void The_grains_persist_the_state_types_the_restart_tests_rely_on()
    {
        var names = PersistedStateTypes.In(typeof(WardenGrainServices).Assembly).Select(t => t.Name).ToList();
        names.Should().Contain(["ApiKeyState", "AccountState", "SessionState", "ApiKeyRegistryState", "AccountRegistryState", "QueueConfigState",
            "PolicyCatalogState", "ScoringConfigState", "RoutingState", "AppealsState", "StrikesState", "ReviewerQualityState"]);
    }

    [Theory]
    [MemberData(nameof(StateTypes))]
    public void Every_serialized_member_declares_a_concrete_type(string stateType) =>
        PersistedStateTypes.NonConcreteMembers(Resolve(stateType)).Should().BeEmpty();

    [Theory]
    [MemberData(nameof(StateTypes))]
    public void A_populated_state_written_by_one_silo_process_is_read_back_by_a_fresh_one(string stateType)
    {
        var type = Resolve(stateType);
        var written = SampleValues.Create(type)!;
        byte[] stored;
        using (var writer = StorageSerializerHost())
        {
            stored = Write(Serializer(writer), type, written);
        }

        using var reader = StorageSerializerHost();
        var read = Read(Serializer(reader), type, stored);

        JsonSerializer.Serialize(read, type, Comparable).Should().Be(JsonSerializer.Serialize(written, type, Comparable));
    }

    [Theory]
    [MemberData(nameof(StateTypes))]
    public void A_state_an_earlier_version_stored_as_json_still_loads(string stateType)
    {
        var type = Resolve(stateType);
        var written = SampleValues.Create(type)!;
        byte[] stored;
        using (var earlier = StorageSerializerHost())
        {
            stored = Write(JsonFormat(earlier), type, written);
        }

        using var reader = StorageSerializerHost();
        JsonSerializer.Serialize(Read(Serializer(reader), type, stored), type, Comparable).Should().Be(JsonSerializer.Serialize(written, type, Comparable));
    }

    [Fact]
    public void The_check_refuses_a_state_that_declares_an_interface_collection()
    {
        PersistedStateTypes.NonConcreteMembers(typeof(ListedAsInterface)).Should().ContainSingle()
            .Which.Should().Contain("ListedAsInterface.Names").And.Contain("IReadOnlyList<String>");

        // Why: in the JSON format (the provider's default, and how earlier versions stored state) such a
        // member is written under its runtime type's name, which a fresh process refuses to load.
        var reload = () =>
        {
            byte[] stored;
            using (var writer = StorageSerializerHost())
            {
                stored = Write(JsonFormat(writer), typeof(ListedAsInterface), SampleValues.Create(typeof(ListedAsInterface))!);
            }

            using var reader = StorageSerializerHost();
            return ((ListedAsInterface)Read(JsonFormat(reader), typeof(ListedAsInterface), stored)).Names.Count;
        };
        reload.Should().Throw<Exception>().Which.ToString().Should().Contain("z__ReadOnly").And.Contain("not allowed");
    }

    private static Type Resolve(string name) => typeof(WardenGrainServices).Assembly.GetType(name, throwOnError: true)!;

    /// <summary>A silo host configured as in cluster mode, never started: its grain storage serializer is the one PostgreSQL state goes through.</summary>
    private static IHost StorageSerializerHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warden:Mode"] = nameof(HostMode.Cluster),
            ["Warden:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=none;Database=none",
        });
        var settings = builder.Configuration.GetSection(HostSettings.SectionName).Get<HostSettings>()!;
        builder.UseOrleans(silo => silo.AddWarden(settings, includeClustering: false).UseLocalhostClustering());
        return builder.Build();
    }

    private static byte[] Write(IGrainStorageSerializer serializer, Type type, object value) =>
        ((BinaryData)typeof(IGrainStorageSerializer).GetMethod(nameof(IGrainStorageSerializer.Serialize))!.MakeGenericMethod(type).Invoke(serializer, [value])!).ToArray();

    private static object Read(IGrainStorageSerializer serializer, Type type, byte[] stored)
    {
        try
        {
            return typeof(IGrainStorageSerializer).GetMethod(nameof(IGrainStorageSerializer.Deserialize))!.MakeGenericMethod(type).Invoke(serializer, [new BinaryData(stored)])!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>What grain state goes through on PostgreSQL, as the silo configures it.</summary>
    private static IGrainStorageSerializer Serializer(IHost host) =>
        host.Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(WardenProviders.GrainStorage).GrainStorageSerializer;

    /// <summary>Orleans' default state format (Newtonsoft JSON with type names).</summary>
    private static IGrainStorageSerializer JsonFormat(IHost host) => host.Services.GetRequiredService<IGrainStorageSerializer>();
}

[GenerateSerializer, Alias("warden.tests.listed-as-interface")]
public sealed class ListedAsInterface
{
    [Id(0)] public IReadOnlyList<string> Names { get; set; } = [];
}
