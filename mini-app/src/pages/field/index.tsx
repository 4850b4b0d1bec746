import { useEffect } from "react";
import { useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { ProcedureResults } from "../../components/procedure-results";
import { useCatalogue } from "../../stores/catalogue";

export default function FieldPage() {
  const { id = "" } = useParams();
  const field = useCatalogue((s) => s.fields.find((f) => f.id === id));
  const load = useCatalogue((s) => s.loadFields);
  useEffect(() => void load(), [load]);
  return (
    <Page className="page">
      <AppHeader title={field?.name ?? "Lĩnh vực"} />
      <section className="section" aria-label="Thủ tục trong lĩnh vực">
        <ProcedureResults
          params={{ field: id }}
          label={`Thủ tục lĩnh vực ${field?.name ?? ""}`}
          emptyMessage="Lĩnh vực này chưa có thủ tục."
        />
      </section>
    </Page>
  );
}
