using System.Reflection;
using NetArchTest.Rules;

namespace Warden.Architecture.Tests;

/// <summary>
/// The layering the README draws, checked on the compiled assemblies: contracts depend on nothing of
/// Warden's, domain rules on no runtime, the client library on no silo and no SQL.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Abstractions = typeof(Warden.Abstractions.Labels.Label).Assembly;
    private static readonly Assembly Core = typeof(Warden.Core.Labels.EnforcementResolver).Assembly;
    private static readonly Assembly Client = typeof(Warden.Client.WardenClient).Assembly;
    private static readonly Assembly Grains = typeof(Warden.Grains.WardenGrainServices).Assembly;
    private static readonly Assembly Silo = typeof(Warden.Silo.Ui.Shown).Assembly;

    [Fact]
    public void Core_is_plain_domain_logic_with_no_runtime_host_or_storage_types() =>
        // OrleansCodeGen is the serializer generator's metadata, emitted into every assembly that sees
        // the Orleans SDK; Core's own types, attributes included, must use nothing of Orleans.
        ShouldPass(Types.InAssembly(Core).That().DoNotResideInNamespace("OrleansCodeGen").ShouldNot().HaveDependencyOnAny(
            "Orleans", "Npgsql", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Razor",
            "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Options", "Warden.Grains", "Warden.Silo", "Warden.Client").GetResult());

    [Fact]
    public void Abstractions_depend_on_no_implementation() =>
        ShouldPass(Types.InAssembly(Abstractions).ShouldNot().HaveDependencyOnAny(
            "Warden.Core", "Warden.Grains", "Warden.Silo", "Warden.Client", "Warden.Scoring", "Npgsql", "Microsoft.AspNetCore").GetResult());

    [Fact]
    public void The_client_library_holds_no_sql_and_no_silo()
    {
        ShouldPass(Types.InAssembly(Client).ShouldNot().HaveDependencyOnAny("Npgsql", "Warden.Silo", "Warden.Grains", "Warden.Core", "Warden.Scoring").GetResult());
        Client.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(
            ["Warden.Silo", "Warden.Grains", "Warden.Core", "CsvHelper", "Microsoft.Extensions.Identity.Core"], "every service that uses the client ships what it references");
    }

    [Fact]
    public void The_silo_does_not_reference_the_client_library() =>
        Silo.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain("Warden.Client");

    private static void ShouldPass(TestResult result) =>
        (result.FailingTypeNames ?? []).Should().BeEmpty();
}
