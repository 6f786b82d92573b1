namespace SemRestore.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("semrestore: commands are being built");
        return args.Length == 0 ? 2 : 1;
    }
}
