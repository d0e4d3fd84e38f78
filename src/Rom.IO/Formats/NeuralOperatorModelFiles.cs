using Rom.Neural;

namespace Rom.IO.Formats;

/// <summary>
/// Loading from a file where callers look for it: <c>NeuralOperatorModel.Load(path)</c> (a static extension, so the
/// numerical library itself stays free of files).
/// </summary>
public static class NeuralOperatorModelFiles
{
    extension(NeuralOperatorModel)
    {
        /// <summary>The model stored at <paramref name="path"/> by <see cref="NeuralModelFile.Write"/> (or <c>rom train</c>).</summary>
        /// <exception cref="Rom.IO.Hdf5.DataFileException">Not a model file, another kind, or a parameter that does not fit.</exception>
        public static NeuralOperatorModel Load(string path) => NeuralModelFile.Load(path);
    }

    extension(NeuralOperatorModel model)
    {
        /// <summary>Writes the model to <paramref name="path"/> atomically (see <see cref="NeuralModelFile.Write"/>).</summary>
        public void Save(string path, NeuralTrainingRecord? training = null) => NeuralModelFile.Write(path, model, training);
    }
}
