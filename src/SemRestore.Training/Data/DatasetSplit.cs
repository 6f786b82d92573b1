namespace SemRestore.Training.Data;

/// <summary>Which part of a dataset a scene belongs to. Splits are by scene, never by patch, so no test pixel is trained on.</summary>
public enum DatasetSplit
{
    Train,
    Validation,
    Test,
}
