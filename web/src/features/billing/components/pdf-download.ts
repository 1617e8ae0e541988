import { pdfUrl } from "../api/invoices";

/** Fetches a PDF with the session's token and hands it to the browser as a download named `filename`. */
export async function downloadPdf(path: string, filename: string): Promise<void> {
  const url = await pdfUrl(path);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL is kept a moment for slow ones.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
