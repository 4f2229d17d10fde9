using Warden.Core.Queues;
using Warden.Silo.Pages.Admin;

namespace Warden.Integration.Tests.Admin;

public sealed class ConfigDiffTests
{
    [Fact]
    public void Changed_lines_show_as_removed_then_added_between_unchanged_ones()
    {
        var diff = ConfigDiff.Lines("a\nb\nc\nd", "a\nB\nc\nd\ne");

        diff.Should().Equal(
            new DiffLine(DiffKind.Same, "a"),
            new DiffLine(DiffKind.Removed, "b"),
            new DiffLine(DiffKind.Added, "B"),
            new DiffLine(DiffKind.Same, "c"),
            new DiffLine(DiffKind.Same, "d"),
            new DiffLine(DiffKind.Added, "e"));
    }

    [Fact]
    public void Identical_documents_have_no_changes_and_either_side_can_be_rebuilt()
    {
        ConfigDiff.Lines("x\ny", "x\ny").Should().OnlyContain(l => l.Kind == DiffKind.Same);

        var diff = ConfigDiff.Lines("1\n2\n3\n4", "0\n2\n4\n5");
        string.Join('\n', diff.Where(l => l.Kind != DiffKind.Added).Select(l => l.Text)).Should().Be("1\n2\n3\n4");
        string.Join('\n', diff.Where(l => l.Kind != DiffKind.Removed).Select(l => l.Text)).Should().Be("0\n2\n4\n5");
    }
}
