using System.CommandLine;
using Warden.Training;

var root = new RootCommand("warden-training: train Warden's text model and evaluate models on held-out data")
{
    TrainCommand.Create(),
    EvaluateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
