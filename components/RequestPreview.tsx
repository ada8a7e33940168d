/** One request exactly as it will be sent: method, full URL and the body as coloured, pretty-printed JSON. */
import type { ApiRequest } from '../src/api/requests.js';
import { LinesView } from './LinesView.js';
import { requestLines } from './wizard/preview-lines.js';

export interface RequestPreviewProps {
  readonly request: ApiRequest;
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly scroll?: number;
}

export function RequestPreview({ request, url, width, height, scroll = 0 }: RequestPreviewProps) {
  return <LinesView lines={requestLines(request, url)} scroll={scroll} height={height} width={width} />;
}
