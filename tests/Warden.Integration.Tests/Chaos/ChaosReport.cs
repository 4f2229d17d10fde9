namespace Warden.Integration.Tests.Chaos;

/// <summary>What one chaos experiment found, in the numbers the suite reports for each.</summary>
public sealed record ChaosReport(string Scenario, int Acknowledged, int Lost, int Duplicated, int Stuck, int ClientErrors, double SecondsToServeAgain)
{
    public override string ToString() =>
        $"{Scenario}: acknowledged {Acknowledged}, lost {Lost}, duplicated {Duplicated}, stuck {Stuck}, client errors {ClientErrors} (all retried), serving again after {SecondsToServeAgain:F1} s";

    /// <summary>Appends the line to chaos-report.txt beside the test assembly, where a run's figures are collected.</summary>
    public void Record(Xunit.Abstractions.ITestOutputHelper output)
    {
        output.WriteLine(ToString());
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "chaos-report.txt"), $"{DateTimeOffset.UtcNow:O} {this}{Environment.NewLine}");
    }
}
