package dev.taskmill.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.validation.ValidationSettings;
import java.util.Objects;

/**
 * One prediction to evaluate, by reference: the model patch is a file, the sample a folder.
 *
 * @param patchFile absolute path of the model patch (written by the client from the predictions
 *     file)
 * @param sampleDir absolute path of the sample folder, or null when no sample has this instance id
 * @param workDir absolute scratch folder of this prediction; its report is written there
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluationTask(
    String instanceId,
    String modelName,
    String patchFile,
    String sampleDir,
    String workDir,
    ValidationSettings settings) {
  public EvaluationTask {
    if (instanceId == null || instanceId.isBlank()) {
      throw new IllegalArgumentException("a prediction needs an instance_id");
    }
    modelName = modelName == null ? "" : modelName;
    Objects.requireNonNull(patchFile, "patchFile");
    if (workDir == null || !workDir.startsWith("/")) {
      throw new IllegalArgumentException("workDir must be an absolute path: " + workDir);
    }
    settings = settings == null ? ValidationSettings.DEFAULTS : settings;
  }
}
