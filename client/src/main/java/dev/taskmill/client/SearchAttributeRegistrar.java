package dev.taskmill.client;

import dev.taskmill.workflow.SearchAttributeKeys;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Registers taskmill's search attributes where the server allows it, and says whether they can be
 * used.
 */
public final class SearchAttributeRegistrar {
  private SearchAttributeRegistrar() {}

  /**
   * True when every taskmill attribute exists (now) on the server; false on servers without an
   * operator API.
   */
  public static boolean ensure(WorkflowServiceStubs stubs, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      var existing =
          operator
              .blockingStub()
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
              .getCustomAttributesMap();
      Map<String, IndexedValueType> missing = new HashMap<>();
      for (SearchAttributeKey<?> key : SearchAttributeKeys.ALL) {
        if (!existing.containsKey(key.getName())) {
          missing.put(key.getName(), key.getValueType());
        }
      }
      if (!missing.isEmpty()) {
        operator
            .blockingStub()
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putAllSearchAttributes(missing)
                    .build());
      }
      return true;
    } catch (StatusRuntimeException e) {
      return false;
    } finally {
      operator.shutdown();
    }
  }
}
