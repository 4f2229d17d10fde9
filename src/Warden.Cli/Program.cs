using System.CommandLine;
using Warden.Cli;

var root = new RootCommand("warden: operate a Warden cluster from the command line")
{
    new Command("labels", "Label store operations") { LabelsImportCommand.Create() },
    new Command("queues", "Review queue administration") { QueuesPutCommand.Create() },
    new Command("decisions", "The decisions log") { DecisionsExportCommand.Create() },
    KeysCommand.Create(),
    PdqCommand.Create(),
    new Command("banks", "Hash banks") { BanksImportCommand.Create() },
    new Command("rules", "Keyword and pattern rule sets") { RulesPutCommand.Create() },
    ModelsCommand.Create(),
    AccountsCommand.Create(),
    StreamsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
