import { withAnnouncer } from '@lightningjs/ui-components/src'
import { Lightning } from '@lightningjs/sdk'
window.X = withAnnouncer(Lightning.Component)
