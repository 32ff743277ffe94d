import { withAnnouncer } from '@lightningjs/ui-components'
import { Lightning } from '@lightningjs/sdk'
window.X = withAnnouncer(Lightning.Component)
