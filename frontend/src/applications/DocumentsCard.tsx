/**
 * The application's documents against its product's checklist: what is required, what is uploaded,
 * an upload per item with progress (hashed in the browser, PUT straight to S3, confirmed by the
 * API), and a download through a short-lived URL.
 */
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Progress, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";

import { errorMessage } from "../api/errors";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthProvider";
import { EmptyState } from "../components/States";
import { lookup, useI18n } from "../i18n";
import type { ProductDetails, VersionDetails } from "../products/types";
import { canAttachDocuments } from "./permissions";
import type { ApplicationDetails, ApplicationDocument, ApplicationStatus } from "./types";
import { ALLOWED_CONTENT_TYPES, uploadDocument, uploadProblem } from "./upload";

interface Requirement {
  code: string;
  name: { "zh-CN": string; "en-US": string };
  required: boolean;
}

interface Row {
  code: string;
  name: string;
  required: boolean;
  documents: ApplicationDocument[];
}

const OTHER = "OTHER";

export function DocumentsCard({ app, onUploaded }: { app: ApplicationDetails; onUploaded: () => void }) {
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const product = useResource<ProductDetails>(
    app.product_version ? null : `/v1/products/${encodeURIComponent(app.product_code)}`,
  );
  const version = app.product_version ?? product.data?.active_version ?? null;
  const definition = useResource<VersionDetails>(
    version ? `/v1/products/${encodeURIComponent(app.product_code)}/versions/${version}` : null,
  );
  const [progress, setProgress] = useState<{ code: string; percent: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const workflow = (definition.data?.definition.workflow ?? {}) as { documents?: Requirement[] };
  const checklist = workflow.documents ?? [];
  const rows: Row[] = checklist.map((r) => ({
    code: r.code,
    name: r.name[locale] || r.name["zh-CN"],
    required: r.required,
    documents: app.documents.filter((d) => d.type === r.code),
  }));
  const listed = new Set(checklist.map((r) => r.code));
  for (const d of app.documents) {
    if (listed.has(d.type)) continue;
    listed.add(d.type);
    rows.push({ code: d.type, name: d.type === OTHER ? t("appl.doc.other") : d.type, required: false,
                documents: app.documents.filter((x) => x.type === d.type) });
  }
  const canUpload = canAttachDocuments(me?.roles ?? [], app.status as ApplicationStatus);
  const missing = rows.filter((r) => r.required && !r.documents.some((d) => d.status === "uploaded")).length;

  async function upload(code: string, file: File) {
    setFailure(null);
    const problem = uploadProblem(file);
    if (problem) {
      setFailure(t(`appl.doc.problem.${problem}`));
      return;
    }
    setProgress({ code, percent: 0 });
    try {
      await uploadDocument(api, app.id, code, file, (percent) => setProgress({ code, percent }));
      onUploaded();
    } catch (error) {
      setFailure(errorMessage(error, locale));
    } finally {
      setProgress(null);
    }
  }

  async function download(doc: ApplicationDocument) {
    setFailure(null);
    try {
      const r = await api.get<{ download_url: string }>(
        `/v1/applications/${encodeURIComponent(app.id)}/documents/${encodeURIComponent(doc.id)}`,
      );
      window.open(r.download_url, "_blank", "noopener");
    } catch (error) {
      setFailure(errorMessage(error, locale));
    }
  }

  const picker = (code: string) => (
    <Upload
      accept={ALLOWED_CONTENT_TYPES.join(",")}
      showUploadList={false}
      disabled={progress !== null}
      customRequest={({ file }) => void upload(code, file as File)}
    >
      <Button size="small" icon={<UploadOutlined />} disabled={progress !== null} data-testid={`doc-upload-${code}`}>
        {t("appl.doc.upload")}
      </Button>
    </Upload>
  );

  return (
    <Card
      variant="borderless"
      title={t("appl.section.documents")}
      data-testid="application-documents"
      extra={rows.length > 0 && (
        missing === 0
          ? <Tag color="success" data-testid="doc-checklist-complete">{t("appl.doc.complete")}</Tag>
          : <Tag color="warning" data-testid="doc-checklist-missing">{t("appl.doc.missing", { count: missing })}</Tag>
      )}
    >
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {failure && <Alert type="error" showIcon title={failure} closable onClose={() => setFailure(null)} data-testid="doc-error" />}
        {progress && (
          <Progress percent={progress.percent} size="small" status="active" data-testid="doc-progress"
                    format={(p) => `${lookup(locale, "appl.doc.uploading") ?? ""} ${p}%`} />
        )}
        <Table<Row>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={rows}
          loading={definition.loading || product.loading}
          locale={{ emptyText: <EmptyState description={t("appl.noDocuments")} /> }}
          scroll={{ x: 620 }}
          columns={[
            {
              title: t("appl.doc.type"),
              key: "type",
              render: (_, r) => (
                <div className="product-cell">
                  <span>{r.name}{r.required && <Typography.Text type="danger"> *</Typography.Text>}</span>
                  <Typography.Text type="secondary" className="code-text">{r.code}</Typography.Text>
                </div>
              ),
            },
            {
              title: t("appl.doc.file"),
              key: "files",
              render: (_, r) =>
                r.documents.length === 0 ? "—" : (
                  <Space orientation="vertical" size={2}>
                    {r.documents.map((d) => (
                      <Space key={d.id} size={6} wrap>
                        {d.status === "uploaded" ? (
                          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download(d)}
                                  data-testid={`doc-download-${d.id}`} style={{ paddingInline: 0 }}>
                            {d.file_name}
                          </Button>
                        ) : (
                          <span>{d.file_name}</span>
                        )}
                        <Typography.Text type="secondary">{Math.max(1, Math.ceil(d.size / 1024))} KB</Typography.Text>
                      </Space>
                    ))}
                  </Space>
                ),
            },
            {
              title: t("appl.doc.status"),
              key: "status",
              width: 110,
              render: (_, r) => {
                const done = r.documents.some((d) => d.status === "uploaded");
                return (
                  <Tag color={done ? "success" : r.required ? "warning" : "default"} data-testid={`doc-status-${r.code}`}>
                    {t(done ? "appl.doc.uploaded" : "appl.doc.awaiting_upload")}
                  </Tag>
                );
              },
            },
            ...(canUpload
              ? [{ title: "", key: "upload", width: 110, render: (_: unknown, r: Row) => picker(r.code) }]
              : []),
          ]}
        />
        {canUpload && (
          <OtherDocument codes={rows.map((r) => r.code)} disabled={progress !== null} onPick={(code, file) => void upload(code, file)} />
        )}
      </Space>
    </Card>
  );
}

/** Anything beyond the checklist goes up as OTHER (or against a checklist item, chosen here). */
function OtherDocument({ codes, disabled, onPick }: { codes: string[]; disabled: boolean; onPick: (code: string, file: File) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState(OTHER);
  const options = [...new Set([OTHER, ...codes])].map((c) => ({ value: c, label: c === OTHER ? t("appl.doc.other") : c }));
  return (
    <Space wrap>
      <Select size="small" value={code} onChange={setCode} options={options} style={{ minWidth: 180 }}
              aria-label={t("appl.doc.type")} />
      <Upload accept={ALLOWED_CONTENT_TYPES.join(",")} showUploadList={false} disabled={disabled}
              customRequest={({ file }) => onPick(code, file as File)}>
        <Button size="small" icon={<UploadOutlined />} disabled={disabled} data-testid="doc-upload-other">
          {t("appl.doc.uploadOther")}
        </Button>
      </Upload>
    </Space>
  );
}
