using Warden.Silo.Hosting;

await WardenHost.Build(args).RunAsync();
