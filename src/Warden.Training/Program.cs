using System.CommandLine;
using Warden.Training;

var root = new RootCommand("warden-training: train Warden's text model, evaluate models on held-out data, import the image model")
{
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    ImportImageCommand.Create(),
    CheckProvidersCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
